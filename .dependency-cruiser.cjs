/**
 * Parley's layering, checked on every `npm run check` (and so in CI). Each layer knows only the
 * ones below it:
 *
 *   lib/model  <-  lib/http  <-  lib/providers  <-  lib/connections  <-  lib/index, lib/conversations
 *     <-  lib/api  <-  app
 *
 * lib/model (the one model, constants, domain errors) depends on nothing of Parley's. The shared
 * leaves lib/config, lib/process-state, lib/utils and lib/security may be used by any server layer.
 * lib/db, lib/auth and lib/audit are services beside the layers (the database, who is asking, the
 * audit trail). Browser code (components/, lib/client/) reaches only the model, the client folder
 * and a short list of pure shared modules (schemas and labels), never a server-only module. The
 * simulator is its own program: it never imports lib/, and lib/ imports nothing of it but its demo
 * keys. Tests are left out: a test may reach across layers to set things up.
 */
const TESTS =
  "(\\.test\\.tsx?$|^tests/|^e2e/|^bench/|^scripts/|test-support\\.ts$|test-kit\\.ts$|/testing\\.ts$)";

/** Modules that are pure and safe in the browser: schemas, labels, pure helpers. */
const BROWSER_SAFE_LIB =
  "^lib/(model/|client/|utils\\.ts$|hooks/|text/|conversations/(api-schemas|search-params)\\.ts$|connections/schemas\\.ts$|users/(roles|password-rules)\\.ts$|auth/permissions\\.ts$|audit/schemas\\.ts$)";

const above = (layers) => `^(app|components)/|^lib/(${layers.join("|")})/`;

module.exports = {
  forbidden: [
    {
      name: "model-is-the-bottom",
      comment: "lib/model is the one model: it imports nothing of Parley's.",
      severity: "error",
      from: { path: "^lib/model/", pathNot: TESTS },
      to: { path: "^(lib/(?!model/)|app/|components/|simulator/)" },
    },
    {
      name: "http-below-providers",
      comment: "lib/http knows the model and configuration only.",
      severity: "error",
      from: { path: "^lib/http/", pathNot: TESTS },
      to: {
        path: above([
          "providers",
          "connections",
          "conversations",
          "index",
          "api",
          "auth",
          "db",
          "audit",
          "users",
          "client",
          "demo",
        ]),
      },
    },
    {
      name: "providers-below-connections",
      comment: "Adapters know the model and lib/http; quirks stop here.",
      severity: "error",
      from: { path: "^lib/providers/", pathNot: TESTS },
      to: {
        path: above([
          "connections",
          "conversations",
          "index",
          "api",
          "auth",
          "db",
          "audit",
          "users",
          "client",
          "demo",
        ]),
      },
    },
    {
      name: "connections-below-services",
      comment: "A connection's runtime knows nothing of conversations, the index or HTTP answers.",
      severity: "error",
      from: { path: "^lib/connections/", pathNot: TESTS },
      to: { path: above(["conversations", "index", "api", "client", "users"]) },
    },
    {
      name: "services-below-api",
      comment: "Services throw domain errors; only lib/api maps them to HTTP.",
      severity: "error",
      from: { path: "^lib/(conversations|index|audit|auth|users|db|demo|security)/", pathNot: TESTS },
      to: { path: "^(app|components)/|^lib/(api|client)/" },
    },
    {
      name: "lib-never-imports-the-app",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(app|components)/" },
    },
    {
      name: "browser-code-stays-off-the-server",
      comment:
        "components/ and lib/client/ run in the browser: they import the model, the client folder and pure shared modules only.",
      severity: "error",
      from: { path: "^(components|lib/client)/", pathNot: TESTS },
      to: { path: "^lib/", pathNot: BROWSER_SAFE_LIB },
    },
    {
      name: "browser-safe-modules-stay-pure",
      comment: "The shared modules browser code may import must not pull in server code themselves.",
      severity: "error",
      from: { path: BROWSER_SAFE_LIB, pathNot: TESTS },
      to: { path: "^lib/", pathNot: BROWSER_SAFE_LIB },
    },
    {
      name: "simulator-is-its-own-program",
      severity: "error",
      from: { path: "^simulator/", pathNot: TESTS },
      to: { path: "^(lib|app|components)/" },
    },
    {
      name: "lib-uses-only-the-simulator-keys",
      severity: "error",
      from: { path: "^(lib|app|components)/", pathNot: TESTS },
      to: { path: "^simulator/", pathNot: "^simulator/(keys|core/provider)\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|data|\\.e2e-data[^/]*|drizzle)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
