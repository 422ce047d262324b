#!/usr/bin/env python3
"""Validates instances against a draft 2020-12 schema with Python's jsonschema: the baseline we compare to.

Usage: validate_python.py SCHEMA INSTANCE...   (exit 0 when all are valid, 1 otherwise)
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    all_valid = True
    for path in sys.argv[2:]:
        with open(path) as handle:
            instance = json.load(handle)
        errors = list(validator.iter_errors(instance))
        print(f"{path}: {'valid' if not errors else 'invalid'}")
        for error in errors[:20]:
            print(f"  /{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
        all_valid = all_valid and not errors
    sys.exit(0 if all_valid else 1)


if __name__ == "__main__":
    main()
