// What the participation module offers to other modules (its routes are in manifest.ts).
export {};
