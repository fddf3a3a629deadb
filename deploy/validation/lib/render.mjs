// Renders the kustomize overlays with `kubectl kustomize` (offline) and parses the YAML stream.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const deployDir = fileURLToPath(new URL("../../", import.meta.url));
export const repoDir = join(deployDir, "..");

/** Every directory under deploy/overlays that holds a kustomization.yaml, sorted by name. */
export function overlayDirs() {
  const root = join(deployDir, "overlays");
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "kustomization.yaml")))
    .map((entry) => join(root, entry.name))
    .sort();
}

export function kustomize(dir) {
  try {
    return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if (error.code === "ENOENT") {
      throw new Error("kubectl is not on the PATH: it renders the overlays (`kubectl kustomize`)");
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${error.stderr || error.message}`);
  }
}

/** Parses a multi-document YAML stream; a syntax error anywhere fails the whole stream. */
export function parseManifests(text) {
  const objects = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new Error(`invalid YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) {
      objects.push(value);
    }
  }
  return objects;
}

export function render(dir) {
  return parseManifests(kustomize(dir));
}

/** "Kind/name", the way every violation names its object. */
export function objectName(object) {
  return `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
}

/** "Kind/name: [rule] message" */
export function formatViolation(violation) {
  return `${violation.object}: [${violation.rule}] ${violation.message}`;
}
