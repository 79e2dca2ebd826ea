// `npm start`: builds the package and the site, then serves www/ locally.
import { run } from "./run.mjs";

run("node", ["scripts/build.mjs", "--site"]);
run("node", ["scripts/serve.mjs", "www", process.env.PORT ?? "8080"]);
