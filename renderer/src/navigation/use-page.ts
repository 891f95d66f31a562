import { useCallback, useEffect, useState } from "react";
import { pageFromSearch, searchForPage, type PageId } from "./pages";

export interface PageRoute {
  page: PageId;
  navigate: (page: PageId) => void;
  /** False on the first screen, true once the user moved (menu or Back): decides where focus goes. */
  moved: boolean;
}

/**
 * A tiny router: the current page, and a way to go to another one. Each navigation is a history entry
 * (Back works) that keeps the path and query; the fragment only ever carried the token and is gone.
 */
export function usePage(): PageRoute {
  const [route, setRoute] = useState(() => ({ page: pageFromSearch(window.location.search), moved: false }));

  useEffect(() => {
    const onPopState = () => setRoute({ page: pageFromSearch(window.location.search), moved: true });
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const navigate = useCallback((next: PageId) => {
    if (pageFromSearch(window.location.search) !== next) {
      window.history.pushState(null, "", `${window.location.pathname}${searchForPage(window.location.search, next)}`);
    }
    setRoute({ page: next, moved: true });
  }, []);

  return { page: route.page, navigate, moved: route.moved };
}
