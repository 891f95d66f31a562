import { moduleErr } from "../chain/errors";

// Module error codes as registered in pkg.akt.dev/go/node/<module> (chain-sdk go/node/*/errors.go):
// codes are iota+1 in declaration order there. The log is "<detail>: <registered message>" as
// errorsmod.Wrap prints it. Cert codes follow the same scheme from the cert module's declarations.

const make = (codespace: string, code: number, message: string) => (detail?: string) => moduleErr(codespace, code, detail ? `${detail}: ${message}` : message);

export const marketErr = {
  sameAccount: make("market", 2, "owner and provider are the same account"),
  bidOverOrder: make("market", 4, "bid price above max order price"),
  attributeMismatch: make("market", 5, "attribute mismatch"),
  unknownBid: make("market", 6, "unknown bid"),
  leaseNotActive: make("market", 10, "lease not active"),
  bidNotActive: make("market", 11, "bid not active"),
  bidNotOpen: make("market", 12, "bid not open"),
  orderNotOpen: make("market", 13, "bid: order not open"),
  orderNotFound: make("market", 15, "invalid order: order not found"),
  groupNotOpen: make("market", 17, "group not open"),
  bidNotFound: make("market", 18, "invalid bid: bid not found"),
  bidZeroPrice: make("market", 19, "invalid bid: zero price"),
  leaseNotFound: make("market", 20, "invalid lease: lease not found"),
  bidExists: make("market", 21, "invalid bid: bid exists from provider"),
  invalidPrice: make("market", 22, "bid price is invalid"),
  invalidDeposit: make("market", 28, "deposit invalid"),
  unknownProvider: make("market", 30, "unknown provider"),
  invalidBid: make("market", 31, "invalid bid"),
  capabilitiesMismatch: make("market", 32, "capabilities mismatch"),
  invalidLeaseClosedReason: make("market", 33, "invalid lease closed reason"),
};

export const providerErr = {
  invalidUri: make("provider", 1, "invalid provider: invalid host uri"),
  notAbsUri: make("provider", 2, "invalid provider: not absolute host uri"),
  notFound: make("provider", 3, "invalid provider: address not found"),
  exists: make("provider", 4, "invalid provider: already exists"),
  attributes: make("provider", 6, "attribute specification error"),
  invalidWebsite: make("provider", 8, "invalid provider: invalid info website"),
  internal: make("provider", 10, "internal error"),
};

export const deploymentErr = {
  exists: make("deployment", 3, "Deployment exists"),
  notFound: make("deployment", 4, "Deployment not found"),
  closed: make("deployment", 5, "Deployment closed"),
  invalidGroups: make("deployment", 7, "Invalid groups"),
  invalidId: make("deployment", 8, "Invalid: deployment id"),
  emptyHash: make("deployment", 9, "Invalid: empty hash"),
  invalidHash: make("deployment", 10, "Invalid: deployment hash"),
  groupNotFound: make("deployment", 14, "Group not found"),
  groupSpec: make("deployment", 19, "GroupSpec invalid"),
  invalidDeposit: make("deployment", 20, "Deposit invalid"),
  invalidPrice: make("deployment", 24, "invalid price"),
  duplicateGroupName: make("deployment", 25, "duplicate group name"),
};

export const certErr = {
  notFound: make("cert", 1, "certificate not found"),
  exists: make("cert", 3, "certificate already exists"),
  alreadyRevoked: make("cert", 4, "certificate has been revoked already"),
  invalidValue: make("cert", 6, "invalid certificate value"),
  invalidPubkey: make("cert", 7, "invalid pubkey value"),
};

export const escrowErr = {
  accountNotFound: make("escrow", 2, "account not found"),
  accountClosed: make("escrow", 3, "account closed"),
  invalidDenomination: make("escrow", 11, "invalid denomination"),
};

export const bmeErr = {
  invalidDenom: make("bme", 2, "invalid denom"),
  belowMinimum: make("bme", 3, "amount below minimum"),
  mintHalted: make("bme", 4, "mint halted"),
};

export const stakingErr = {
  noValidator: make("staking", 3, "validator does not exist"),
  noDelegation: make("staking", 19, "no delegation for (address, validator) tuple"),
  badDenom: make("staking", 35, "invalid coin denomination"),
  notEnoughShares: make("staking", 22, "invalid shares amount"),
};

export const auditErr = {
  sameAccount: make("audit", 2, "auditor and provider are the same account"),
  providerNotFound: make("audit", 1, "provider not found"),
  attributes: make("audit", 4, "attribute specification error"),
};
