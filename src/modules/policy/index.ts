// What the Politique de la Ville module offers to other modules.
export { neighbourhoodPolicy } from "./neighbourhood.js";
export { NeighbourhoodPolicyBlock } from "./views/neighbourhood.js";
