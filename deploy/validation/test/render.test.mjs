import assert from "node:assert/strict";
import { basename } from "node:path";
import { describe, it } from "node:test";
import { overlayDirs, parseManifests, render } from "../lib/render.mjs";

describe("kustomize rendering", () => {
  it("finds the dev and prod overlays", () => {
    assert.deepEqual(overlayDirs().map((dir) => basename(dir)), ["dev", "prod"]);
  });

  for (const dir of overlayDirs()) {
    it(`renders ${basename(dir)} into named, unique objects`, () => {
      const objects = render(dir);
      assert.ok(objects.length > 20, `only ${objects.length} objects`);
      const seen = new Set();
      for (const object of objects) {
        assert.ok(object.apiVersion && object.kind && object.metadata?.name, `incomplete object ${JSON.stringify(object).slice(0, 120)}`);
        const id = `${object.kind}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
        assert.ok(!seen.has(id), `${id} appears twice`);
        seen.add(id);
      }
    });

    it(`puts every namespaced object of ${basename(dir)} into the overlay's namespace`, () => {
      const objects = render(dir);
      const namespace = objects.find((o) => o.kind === "Namespace").metadata.name;
      const outside = objects.filter((o) => o.kind !== "Namespace" && o.metadata.namespace !== namespace);
      assert.deepEqual(outside.map((o) => `${o.kind}/${o.metadata.name}`), []);
    });
  }

  it("rejects a stream with a YAML syntax error", () => {
    assert.throws(() => parseManifests("kind: ConfigMap\n---\nmetadata: {name: [broken\n"), /invalid YAML/);
  });
});
