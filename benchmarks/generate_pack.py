#!/usr/bin/env python3
"""Writes a large, valid SessionZero pack folder deterministically, for the pack benchmarks.

Usage: generate_pack.py OUT_DIR [ENTRIES] [PER_DATASET]
Produces OUT_DIR with szpack.json, ENTRIES dataset entries split into datasets of PER_DATASET entries
(default 100000 and 8000: each compact dataset file stays under the 8 MiB JSON entry cap of .szp archives),
a character template linking to two of the datasets, and icons under media/images/. Entries use every
field type, groups, List fields linking inside their dataset and to another dataset, and icons.
"""
import json
import random
import sys
from pathlib import Path

PACK_ID = "0b5d6e1c-4c1f-4d7a-9a53-6c2f8e9d1a20"
VERSION = "1.0.0"
WORDS = ("amber ash brass cinder copper dusk ember frost gale gloom iron ivory jade moss onyx pearl "
         "quartz rune sable silver storm thorn umber vale willow").split()
ICONS = ["blade.svg", "shield.svg", "flask.svg", "scroll.svg"]
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6"/></svg>\n'


def entry(random, dataset_index, number, count, catalog_size):
    entry_id = f"entry-{dataset_index}-{number}"
    related = [f"entry-{dataset_index}-{random.randrange(count)}" for _ in range(random.randrange(3))]
    linked = [f"entry-0-{random.randrange(catalog_size)}" for _ in range(random.randrange(1, 3))]
    name = " ".join(random.choice(WORDS) for _ in range(3)).title()
    return entry_id, {
        "id": entry_id,
        "name": name,
        "description": f"The {name.lower()}, number {number} of its kind, " + " ".join(random.choices(WORDS, k=12)),
        "icon": random.choice(ICONS),
        "topLevelFields": {
            "category": {"type": "Text", "value": random.choice(WORDS)},
            "cost": {"type": "Number", "value": random.randrange(1, 5000)},
            "weight": {"type": "Number", "value": round(random.uniform(0.1, 40), 1)},
            "magical": {"type": "Boolean", "value": random.random() < 0.2},
            "related": {"type": "List", "value": sorted(set(related))},
        },
        "groups": [
            {
                "id": "details",
                "name": "Details",
                "fields": {
                    "lore": {"type": "MultiText", "value": "\n".join(" ".join(random.choices(WORDS, k=8)) for _ in range(2))},
                    "rarity": {"type": "Text", "value": random.choice(["common", "uncommon", "rare", "legendary"])},
                    "components": {
                        "type": "List",
                        "value": sorted(set(linked)),
                        "datasetLink": {"datapackId": PACK_ID, "datasetId": "catalog-0", "version": VERSION},
                    },
                },
            }
        ],
    }


def dataset(random, index, count, catalog_size):
    entries = dict(entry(random, index, number, count, catalog_size) for number in range(count))
    return {
        "id": f"catalog-{index}",
        "szType": "dataset",
        "name": f"Catalog {index}",
        "description": "Generated entries for the pack benchmark.",
        "icon": ICONS[index % len(ICONS)],
        "version": VERSION,
        "schemaVersion": "1.0.0",
        "datasetType": "items",
        "entries": entries,
    }


def template():
    def link(dataset_id):
        return {"datapackId": PACK_ID, "datasetId": dataset_id, "version": VERSION}

    return {
        "id": "hero",
        "szType": "character-template",
        "name": "Hero",
        "version": VERSION,
        "schemaVersion": "1.0.0",
        "sections": [{"id": "main", "name": "Main", "groups": [{"id": "gear", "name": "Gear", "fields": [
            {"id": "name", "name": "Name", "type": "Text", "defaultValue": "Nameless"},
            {"id": "level", "name": "Level", "type": "Number", "defaultValue": 1},
            {"id": "inventory", "name": "Inventory", "type": "List", "datasetLink": link("catalog-0"),
             "defaultValue": ["entry-0-1"]},
            {"id": "trinkets", "name": "Trinkets", "type": "List", "datasetLink": link("catalog-1")},
        ]}]}],
    }


def main():
    out = Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    per_dataset = int(sys.argv[3]) if len(sys.argv) > 3 else 8_000
    if total < 2 * per_dataset:
        sys.exit("needs at least two datasets' worth of entries (the template links to two)")
    rng = random.Random(20261121)
    write = lambda path, value: (out / path).parent.mkdir(parents=True, exist_ok=True) or (out / path).write_text(
        json.dumps(value, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    write("szpack.json", {
        "id": PACK_ID, "name": "Benchmark Pack", "version": VERSION, "author": "SessionZero benchmarks",
        "license": "CC0-1.0", "createdAt": "2026-11-21T00:00:00Z", "sessionZeroVersion": "1.0.0",
        "packType": "content", "dependencies": [],
    })
    index = 0
    remaining = total
    while remaining > 0:
        count = min(per_dataset, remaining)
        write(f"objects/datasets/catalog-{index}.json", dataset(rng, index, count, per_dataset))
        remaining -= count
        index += 1
    write("objects/character-templates/hero.json", template())
    for icon in ICONS:
        (out / "media/images").mkdir(parents=True, exist_ok=True)
        (out / "media/images" / icon).write_text(SVG, encoding="utf-8")


if __name__ == "__main__":
    main()
