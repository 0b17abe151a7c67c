// Content script entry: one per frame. Filled in by the observe loop.
export {};
