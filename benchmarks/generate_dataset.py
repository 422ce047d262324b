#!/usr/bin/env python3
"""Writes a large, realistic dataset document and the schema it must satisfy, deterministically.

Usage: generate_dataset.py OUT_DIR [ENTRIES]
Produces OUT_DIR/dataset.json (an object with ENTRIES entries of nested fields, ~200 bytes of JSON per
field group) and OUT_DIR/dataset.schema.json (draft 2020-12, with $ref, oneOf by field type,
patterns, unevaluatedProperties), the shape of SessionZero's dataset files.
"""
import json
import random
import sys

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://sessionzero.dev/benchmarks/dataset.schema.json",
    "type": "object",
    "required": ["id", "szType", "name", "entries"],
    "properties": {
        "id": {"$ref": "#/$defs/id"},
        "szType": {"const": "dataset"},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "datasetType": {"type": "string"},
        "version": {"type": "string", "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"},
        "entries": {"type": "object", "additionalProperties": {"$ref": "#/$defs/entry"}},
    },
    "unevaluatedProperties": False,
    "$defs": {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "maxLength": 100},
        "entry": {
            "type": "object",
            "required": ["id", "name", "topLevelFields"],
            "properties": {
                "id": {"$ref": "#/$defs/id"},
                "name": {"type": "string", "minLength": 1},
                "description": {"type": "string"},
                "icon": {"type": "string"},
                "topLevelFields": {"$ref": "#/$defs/fields"},
                "groups": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "name", "fields"],
                        "properties": {
                            "id": {"$ref": "#/$defs/id"},
                            "name": {"type": "string"},
                            "fields": {"$ref": "#/$defs/fields"},
                        },
                        "unevaluatedProperties": False,
                    },
                },
            },
            "unevaluatedProperties": False,
        },
        "fields": {"type": "object", "additionalProperties": {"$ref": "#/$defs/field"}},
        "field": {
            "oneOf": [
                {"properties": {"type": {"const": "Number"}, "value": {"type": "number"}}},
                {"properties": {"type": {"const": "Text"}, "value": {"type": "string", "maxLength": 10000}}},
                {"properties": {"type": {"const": "Boolean"}, "value": {"type": "boolean"}}},
                {
                    "properties": {
                        "type": {"const": "List"},
                        "value": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True},
                    }
                },
            ],
            "required": ["type", "value"],
            "unevaluatedProperties": False,
        },
    },
}

WORDS = "ash bone crow dusk ember frost gale husk iron jade kelp lumen mire night oak pyre quill rune".split()


def field(rng):
    kind = rng.choice(["Number", "Text", "Boolean", "List"])
    if kind == "Number":
        return {"type": kind, "value": rng.choice([rng.randint(-50, 500), round(rng.uniform(0, 100), 2)])}
    if kind == "Text":
        return {"type": kind, "value": " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 10)))}
    if kind == "Boolean":
        return {"type": kind, "value": rng.random() < 0.5}
    return {"type": kind, "value": sorted({f"{rng.choice(WORDS)}-{rng.randint(0, 999)}" for _ in range(rng.randint(0, 4))})}


def entry(rng, number):
    entry_id = f"entry-{number}"
    return entry_id, {
        "id": entry_id,
        "name": f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {number}",
        "description": " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))),
        "icon": f"icons/{rng.choice(WORDS)}.svg",
        "topLevelFields": {f"{rng.choice(WORDS)}{k}": field(rng) for k in range(rng.randint(1, 3))},
        "groups": [
            {"id": f"group-{g}", "name": f"Group {g}", "fields": {f"f{k}": field(rng) for k in range(rng.randint(1, 3))}}
            for g in range(rng.randint(0, 1))
        ],
    }


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    rng = random.Random(20261121)
    document = {
        "id": "benchmark-dataset",
        "szType": "dataset",
        "name": "Benchmark dataset",
        "datasetType": "items",
        "version": "1.0.0",
        "entries": dict(entry(rng, n) for n in range(count)),
    }
    with open(f"{out}/dataset.json", "w") as handle:
        json.dump(document, handle, separators=(",", ":"))
    with open(f"{out}/dataset.schema.json", "w") as handle:
        json.dump(SCHEMA, handle, indent=2)


if __name__ == "__main__":
    main()
