import type { PageId } from "../navigation/pages";

export interface PageProps {
  /** True after a navigation (the heading takes the focus), false on the first screen. */
  focusHeading: boolean;
  navigate: (page: PageId) => void;
}
