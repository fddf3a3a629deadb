// What each Whiteboard service serves, read from the service modules themselves: the HTTP port
// and health paths from application.properties, whether SmallRye Health is a dependency in the
// pom, and the environment variables the deployment must set.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoDir } from "./render.mjs";

const common = ["QUARKUS_HTTP_PORT", "WB_LOG_JSON", "WB_REDIS_URL", "WB_KEY_PEPPER", "WB_INTERNAL_TOKEN"];
const postgres = ["WB_POSTGRES_HOST", "WB_POSTGRES_PORT", "WB_POSTGRES_USER", "WB_POSTGRES_PASSWORD", "WB_POSTGRES_DATABASE"];

const requiredEnv = {
  "session-service": [...common, ...postgres, "WB_KAFKA_BOOTSTRAP", "WB_OPERATOR_SECRET"],
  "estimation-service": [...common],
  "feedback-service": [...common, ...postgres, "WB_KAFKA_BOOTSTRAP", "WB_SESSION_URL", "WB_ESTIMATION_URL"],
};

/** Parses Java properties (the subset application.properties uses: key=value, # comments). */
export function parseProperties(text) {
  const properties = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) {
      continue;
    }
    const at = line.search(/[=:]/);
    if (at > 0) {
      properties.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
  }
  return properties;
}

/** Resolves ${name} and ${name:default} against the same file, the way Quarkus does for the default profile. */
function resolve(properties, value, depth = 0) {
  if (value === undefined || depth > 10) {
    return value;
  }
  return value.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g, (_, name, fallback) =>
    resolve(properties, properties.get(name) ?? fallback ?? "", depth + 1));
}

const trimSlashes = (path) => path.replace(/^\/+|\/+$/g, "");

const joinPaths = (...parts) => `/${parts.map(trimSlashes).filter((p) => p !== "").join("/")}`;

/** The port of Quarkus' management interface when it is enabled (health and metrics move there), else undefined. */
export function managementPort(properties) {
  const get = (key, fallback) => resolve(properties, properties.get(key)) ?? fallback;
  return get("quarkus.management.enabled", "false") === "true" ? Number(get("quarkus.management.port", "9000")) : undefined;
}

/**
 * Where Quarkus serves its own endpoints: the management interface's root path when that is
 * enabled, else the non-application root (default q) under the HTTP root path.
 */
function nonApplicationRoot(properties) {
  const get = (key, fallback) => resolve(properties, properties.get(key)) ?? fallback;
  if (managementPort(properties) !== undefined) {
    return joinPaths(get("quarkus.management.root-path", "q"));
  }
  const nonApplication = get("quarkus.http.non-application-root-path", "q");
  return nonApplication.startsWith("/") ? joinPaths(nonApplication) : joinPaths(get("quarkus.http.root-path", "/"), nonApplication);
}

/** The Prometheus endpoint of the Micrometer registry (default metrics, relative to the non-application root). */
export function metricsPath(properties) {
  const path = resolve(properties, properties.get("quarkus.micrometer.export.prometheus.path")) ?? "metrics";
  return path.startsWith("/") ? joinPaths(path) : joinPaths(nonApplicationRoot(properties), path);
}

/**
 * The health endpoints SmallRye Health serves. Relative paths nest: the health root under the
 * non-application root, the probe paths under the health root.
 */
export function healthPaths(properties) {
  const get = (key, fallback) => resolve(properties, properties.get(key)) ?? fallback;
  const healthRoot = get("quarkus.smallrye-health.root-path", "health");
  const base = healthRoot.startsWith("/") ? joinPaths(healthRoot) : joinPaths(nonApplicationRoot(properties), healthRoot);
  const under = (key, fallback) => {
    const sub = get(key, fallback);
    return sub.startsWith("/") ? joinPaths(sub) : joinPaths(base, sub);
  };
  return {
    readinessProbe: under("quarkus.smallrye-health.readiness-path", "ready"),
    livenessProbe: under("quarkus.smallrye-health.liveness-path", "live"),
    startupProbe: under("quarkus.smallrye-health.startup-path", "started"),
  };
}

function loadService(name) {
  const moduleDir = join(repoDir, name);
  const propertiesFile = join(moduleDir, "src/main/resources/application.properties");
  const pomFile = join(moduleDir, "pom.xml");
  if (!existsSync(propertiesFile) || !existsSync(pomFile)) {
    throw new Error(`${name}: ${propertiesFile} or ${pomFile} is missing`);
  }
  const properties = parseProperties(readFileSync(propertiesFile, "utf8"));
  const port = Number(resolve(properties, properties.get("quarkus.http.port")) ?? 8080);
  const servesHealth = /<artifactId>\s*quarkus-smallrye-health\s*<\/artifactId>/.test(readFileSync(pomFile, "utf8"));
  return {
    name,
    port,
    managementPort: managementPort(properties),
    servesHealth,
    health: healthPaths(properties),
    metricsPath: metricsPath(properties),
    requiredEnv: requiredEnv[name],
  };
}

/**
 * name -> { name, port, managementPort, servesHealth, health: { readinessProbe, livenessProbe, startupProbe },
 *           metricsPath, requiredEnv }
 */
export function loadServices() {
  return new Map(Object.keys(requiredEnv).map((name) => [name, loadService(name)]));
}
