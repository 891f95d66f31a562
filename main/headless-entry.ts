import { runHeadless } from "./headless";

runHeadless().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
