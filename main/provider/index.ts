export { buildAttributes, validateAttributes, type Attribute, type GpuForAttributes, type StorageCapability } from "./attributes";
export { parseHostUri, type HostUri } from "./host-uri";
export { generateProviderCertificate, createCertificateMessage, type ProviderCertificate } from "./provider-certificate";
export { ProviderService, type HardwarePort } from "./provider-service";
export { CertificateService } from "./certificate-service";
export { Treasury, DEFAULT_RESERVE, requiredReserve, type ReservePolicy } from "./treasury";
export { createProviderServices } from "./create-provider";
