// Service worker entry. Filled in by the observe loop.
export {};
