export { buildLeaseObjects, type BuildLeaseInput, type LeaseObject, type LeaseObjects } from "./build-lease";
export { BuildError } from "./build-error";
export { DEFAULT_BUILDER_SETTINGS, type BuilderSettings } from "./settings";
export { leaseNamespace, leasePath, generatedHostname } from "./names";
export { leaseFromLabels, leaseLabels, MANIFEST_SERVICE, AKASH_MANAGED } from "./labels";
export { isIngress, isNodePort, externalPort } from "./expose";
