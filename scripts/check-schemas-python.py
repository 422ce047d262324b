#!/usr/bin/env python3
"""Cross-check the datapack JSON Schemas with Python's jsonschema (an independent 2020-12 validator).

Reads a manifest of cases, a JSON array of
    {"schema": "dataset.schema.json", "instance": "schemas/invalid/dataset-typo-key.json",
     "valid": false, "why": "..."}
where "schema" names a file in the schema folder and "instance" is relative to the manifest's folder.
Every schema file is loaded into one registry under its $id, so cross-file $refs resolve offline.
Each schema is first checked against the 2020-12 meta-schema.

With --pack DIR (repeatable) it instead validates every JSON document of each pack folder against
the schema its path calls for (the same mapping as `sessionzero pack validate`), printing each error.

Exit status: 0 when every verdict matches its expectation (or every pack document is valid), 1 when
some do not (each is printed), 2 on usage or input errors (unreadable file, duplicate JSON key,
unknown schema).
"""

import argparse
import json
import sys
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent


def fail(message: str):
    """An input or usage error: exit status 2, as the project's command-line tools do."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def load_json(path: Path):
    """Parses strictly: a duplicate key is an input error, as in SessionZero's own parser."""

    def refuse_duplicates(pairs):
        keys = [key for key, _ in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"duplicate key(s) {', '.join(duplicates)}")
        return dict(pairs)

    try:
        with path.open(encoding="utf-8") as file:
            return json.load(file, object_pairs_hook=refuse_duplicates)
    except (OSError, ValueError) as error:
        fail(f"{path}: {error}")


def load_schemas(folder: Path):
    schemas = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = load_json(path)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            fail(f"{path.name} is not a valid 2020-12 schema: {error.message}")
        if "$id" not in schema:
            fail(f"{path.name} has no $id")
        schemas[path.name] = schema
    if not schemas:
        fail(f"no *.schema.json files in {folder}")
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in schemas.values()
    )
    return schemas, registry


BASE_URI = "https://sessionzero.dev/schemas/v1/"
FOLDER_SCHEMAS = [
    ("objects/datasets/", "dataset.schema.json"),
    ("objects/character-templates/", "character-template.schema.json"),
    ("objects/session-templates/", "session-template.schema.json"),
    ("objects/characters/", "character-instance.schema.json"),
    ("snapshots/", "session-pack.schema.json#/$defs/snapshot"),
]


def schema_for(path: str):
    """The schema reference a pack document at `path` must match, or None outside the layout."""
    if path == "szpack.json":
        return "szpack.schema.json"
    if path == "objects/sessions/state.json":
        return "session-pack.schema.json#/$defs/sessionInstance"
    for folder, name in FOLDER_SCHEMAS:
        if path.startswith(folder) and "/" not in path[len(folder):]:
            return name
    return None


def check_packs(folders, registry) -> int:
    documents = invalid = 0
    for folder in folders:
        for file in sorted(folder.rglob("*.json")):
            path = file.relative_to(folder).as_posix()
            reference = schema_for(path)
            if reference is None:
                continue
            documents += 1
            validator = jsonschema.Draft202012Validator({"$ref": BASE_URI + reference}, registry=registry)
            errors = sorted(validator.iter_errors(load_json(file)), key=lambda error: list(error.absolute_path))
            if errors:
                invalid += 1
                print(f"INVALID {folder}/{path} against {reference}")
                for error in errors:
                    print(f"    at /{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")
    print(f"{documents - invalid} of {documents} pack documents are valid for Python's jsonschema")
    return 1 if invalid else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "manifest",
        nargs="?",
        type=Path,
        default=ROOT / "Tests/SZPacksTests/Fixtures/schema-cases.json",
        help="the cases to check (default: %(default)s)",
    )
    parser.add_argument(
        "--schemas",
        type=Path,
        default=ROOT / "Sources/SZPacks/Schemas/v1",
        help="the folder of *.schema.json files (default: %(default)s)",
    )
    parser.add_argument(
        "--pack",
        type=Path,
        action="append",
        default=[],
        help="validate the documents of this pack folder instead of the cases (repeatable)",
    )
    arguments = parser.parse_args()

    schemas, registry = load_schemas(arguments.schemas)
    if arguments.pack:
        return check_packs(arguments.pack, registry)
    cases = load_json(arguments.manifest)
    if not isinstance(cases, list):
        fail(f"{arguments.manifest}: expected a JSON array of cases")

    mismatches = 0
    for number, case in enumerate(cases, start=1):
        schema_name, instance_name, expected = case.get("schema"), case.get("instance"), case.get("valid")
        if schema_name not in schemas or not isinstance(instance_name, str) or not isinstance(expected, bool):
            fail(f"case {number}: needs a known 'schema', an 'instance' path and a boolean 'valid'")
        instance = load_json(arguments.manifest.parent / instance_name)
        validator = jsonschema.Draft202012Validator(schemas[schema_name], registry=registry)
        errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.absolute_path))
        if bool(errors) == expected:
            mismatches += 1
            verdict = "invalid" if errors else "valid"
            print(f"MISMATCH {instance_name} against {schema_name}: expected {'valid' if expected else 'invalid'}, "
                  f"Python's jsonschema says {verdict} ({case.get('why', 'no reason given')})")
            for error in errors:
                print(f"    at /{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}")

    print(f"{len(cases) - mismatches} of {len(cases)} schema cases agree with their expectation")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
