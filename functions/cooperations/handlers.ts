// The cooperations function's handlers, one file per concern.
export { confirmCooperation, disputeCooperation, updateCooperation, withdrawCooperation } from './changes';
export { getCooperation, listCooperations, territoryFigures } from './read';
export { createCooperation } from './record';
