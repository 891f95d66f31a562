import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from "electron";
import { trayIconPng } from "./tray-icon";
import { TRAY_TOOLTIP, trayIconTone, trayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from "./tray-menu";

// Thin adapter: renders the menu model and the icon with Electron's Tray, Menu and nativeImage.

export type TrayLike = Pick<Tray, "setToolTip" | "setContextMenu" | "destroy" | "isDestroyed"> & {
  on(event: "click", listener: () => void): unknown;
  setImage?(image: NativeImage): void;
};

export interface TrayDeps<T extends TrayLike, M> {
  createTray(icon: NativeImage): T;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  createImage(png: Buffer): NativeImage;
}

export function createAppTray<T extends TrayLike>(deps: TrayDeps<T, Menu>, actions: TrayActions): T {
  const tray = deps.createTray(deps.createImage(trayIconPng(32, trayIconTone(null))));
  tray.setToolTip(TRAY_TOOLTIP);
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions)));
  // Windows and macOS report a plain click; on Linux the menu is the only way in.
  tray.on("click", () => actions.openDashboard());
  return tray;
}

/** Shows a new state: icon (only when its tone changed), tooltip and menu. Returns the tone drawn. */
export function renderTrayState<T extends TrayLike>(
  tray: T,
  deps: Pick<TrayDeps<T, Menu>, "buildMenu" | "createImage">,
  actions: TrayActions,
  state: TrayState,
  previousTone: string | null,
): string {
  if (tray.isDestroyed()) return previousTone ?? "";
  const tone = trayIconTone(state);
  if (tone !== previousTone) tray.setImage?.(deps.createImage(trayIconPng(32, tone)));
  tray.setToolTip(trayTooltip(state));
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions, state)));
  return tone;
}
