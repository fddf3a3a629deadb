// Schema validation of rendered objects, plus the check the generated validators leave out:
// fields the schema does not define.
//
// The models' validators are compiled JSON Schemas (ajv). For every property a schema defines,
// the compiled code reads that property of the object; for a map (additionalProperties) it
// enumerates the object's keys. Validating through a Proxy therefore records, per object path,
// which keys the schema knows. A key that is present but was never read is unknown. Objects the
// validator neither read nor enumerated have a free-form schema (for example a CRD field with
// x-kubernetes-preserve-unknown-fields, like Strimzi's spec.kafka.config) and accept any key.
import { modelFor } from "./models.mjs";
import { objectName } from "./render.mjs";

const isObject = (value) => value !== null && typeof value === "object";

const child = (path, key) => `${path}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;

/** "/spec/containers/0/foo" -> "spec.containers[0].foo" */
export function readablePath(pointer) {
  if (pointer === "") {
    return "(root)";
  }
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((out, segment) => (/^\d+$/.test(segment) ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment), "");
}

function traceValidation(Model, object) {
  const read = new Map();
  const enumerated = new Set();
  const noteRead = (path, key) => {
    if (!read.has(path)) {
      read.set(path, new Set());
    }
    read.get(path).add(key);
  };
  const wrap = (value, path) => {
    if (!isObject(value)) {
      return value;
    }
    return new Proxy(value, {
      get(target, key, receiver) {
        const result = Reflect.get(target, key, receiver);
        if (typeof key !== "string") {
          return result;
        }
        noteRead(path, key);
        return Object.hasOwn(target, key) ? wrap(result, child(path, key)) : result;
      },
      has(target, key) {
        if (typeof key === "string") {
          noteRead(path, key);
        }
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        enumerated.add(path);
        return Reflect.ownKeys(target);
      },
    });
  };
  let schemaErrors = [];
  try {
    Model.prototype.validate.call(wrap(object, ""));
  } catch (error) {
    schemaErrors = Array.isArray(error.errors)
      ? error.errors.map((e) => `${readablePath(e.instancePath ?? "")} ${e.message}`)
      : [error.message];
  }
  return { read, enumerated, schemaErrors };
}

function unknownFields(value, path, read, enumerated, found) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => unknownFields(item, child(path, index), read, enumerated, found));
    return;
  }
  if (!isObject(value) || enumerated.has(path)) {
    return;
  }
  const known = read.get(path);
  if (!known) {
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (known.has(key)) {
      unknownFields(item, child(path, key), read, enumerated, found);
    } else {
      found.push(child(path, key));
    }
  }
}

/**
 * Violations of one object against its schema: unknown apiVersion/kind, schema errors (types,
 * required fields, enums, formats) and unknown fields. Each names the object and the rule.
 */
export function schemaViolations(object) {
  const name = objectName(object);
  const Model = modelFor(object);
  if (!Model) {
    return [{ object: name, rule: "schema-known", message: `no schema for apiVersion ${object?.apiVersion} kind ${object?.kind}` }];
  }
  const { read, enumerated, schemaErrors } = traceValidation(Model, object);
  const violations = schemaErrors.map((message) => ({ object: name, rule: "schema", message }));
  const unknown = [];
  unknownFields(object, "", read, enumerated, unknown);
  for (const pointer of unknown) {
    violations.push({ object: name, rule: "unknown-field", message: `${readablePath(pointer)} is not a field of ${object.apiVersion} ${object.kind}` });
  }
  return violations;
}
