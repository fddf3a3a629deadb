#!/usr/bin/env node
// Renders overlays and prints every schema and policy violation; exits 1 if there is any.
// Usage: node bin/check.mjs [overlay-dir ...]   (default: every overlay under deploy/overlays)
import { formatViolation, overlayDirs, render } from "../lib/render.mjs";
import { policyViolations } from "../lib/policy.mjs";
import { schemaViolations } from "../lib/schema.mjs";
import { loadServices } from "../lib/services.mjs";

const dirs = process.argv.length > 2 ? process.argv.slice(2) : overlayDirs();
const services = loadServices();
let total = 0;
for (const dir of dirs) {
  const objects = render(dir);
  const violations = [...objects.flatMap(schemaViolations), ...policyViolations(objects, services)];
  total += violations.length;
  console.log(`${dir}: ${objects.length} objects, ${violations.length} violations`);
  for (const violation of violations) {
    console.log(`  ${formatViolation(violation)}`);
  }
}
process.exitCode = total === 0 ? 0 : 1;
