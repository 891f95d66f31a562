import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { resolveApi, resolveApiFromSession } from "./api";
import "./styles.css";

const api = resolveApi() ?? resolveApiFromSession();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
