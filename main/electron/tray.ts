import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from "electron";
import { trayIconPng } from "./tray-icon";
import { TRAY_TOOLTIP, trayMenuTemplate, type TrayActions } from "./tray-menu";

// Thin adapter: renders the menu model and the icon with Electron's Tray, Menu and nativeImage.

export type TrayLike = Pick<Tray, "setToolTip" | "setContextMenu" | "destroy" | "isDestroyed"> & { on(event: "click", listener: () => void): unknown };

export interface TrayDeps<T extends TrayLike, M> {
  createTray(icon: NativeImage): T;
  buildMenu(template: MenuItemConstructorOptions[]): M;
  createImage(png: Buffer): NativeImage;
}

export function createAppTray<T extends TrayLike>(deps: TrayDeps<T, Menu>, actions: TrayActions): T {
  const tray = deps.createTray(deps.createImage(trayIconPng(32)));
  tray.setToolTip(TRAY_TOOLTIP);
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions)));
  // Windows and macOS report a plain click; on Linux the menu is the only way in.
  tray.on("click", () => actions.openDashboard());
  return tray;
}
