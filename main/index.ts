// Electron entry: filled in by the Electron shell work (main/electron/*). Only wiring lives here.
export {};
