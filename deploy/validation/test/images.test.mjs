import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { deployDir, repoDir } from "../lib/render.mjs";

/** The container-image settings the build gives Jib (quarkus.container-image.* in the parent pom). */
function buildImageSettings() {
  const pom = readFileSync(join(repoDir, "pom.xml"), "utf8");
  const setting = (name) => {
    const match = pom.match(new RegExp(`<quarkus\\.container-image\\.${name}>([^<]*)</quarkus\\.container-image\\.${name}>`));
    assert.ok(match, `pom.xml does not set quarkus.container-image.${name}`);
    return match[1].trim();
  };
  return { build: setting("build"), registry: setting("registry"), group: setting("group"), tag: setting("tag") };
}

describe("container images", () => {
  const built = buildImageSettings();
  const images = parse(readFileSync(join(deployDir, "base/kustomization.yaml"), "utf8")).images;

  it("are not built by default, so the build never needs a registry", () => {
    assert.equal(built.build, "false");
  });

  for (const service of ["session-service", "estimation-service", "feedback-service"]) {
    it(`${service}: the manifests run the image the build produces`, () => {
      const name = `${built.registry}/${built.group}/${service}`;
      const entry = images.find((image) => image.name === name);
      assert.ok(entry, `base/kustomization.yaml has no images: entry for ${name}`);
      assert.equal(entry.newTag, built.tag, `${name}: kustomization tag ${entry.newTag}, build tag ${built.tag}`);
      const pom = readFileSync(join(repoDir, service, "pom.xml"), "utf8");
      assert.match(pom, /<artifactId>quarkus-container-image-jib<\/artifactId>/, `${service} lacks the Jib extension`);
    });
  }
});
