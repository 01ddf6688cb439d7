// A redemption keeps a copy of the address it ships to: from the member's address book
// ({ recipient, phone, region, line, postalCode }) or whatever object the shop's API call sent.
// One reading of both for the packing list and the queue. Pure.

export interface PackingAddress {
  recipient: string;
  phone: string;
  address: string;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");

export function packingAddress(raw: Record<string, unknown> | null | undefined): PackingAddress {
  if (!raw) return { recipient: "", phone: "", address: "" };
  const recipient = str(raw.recipient) || str(raw.name);
  const phone = str(raw.phone) || str(raw.mobile) || str(raw.tel);
  const known = new Set(["recipient", "name", "phone", "mobile", "tel"]);
  const ordered = ["region", "province", "city", "district", "line", "line1", "line2", "street", "address", "postalCode", "zip"];
  const parts = [...ordered.filter((k) => k in raw), ...Object.keys(raw).filter((k) => !known.has(k) && !ordered.includes(k))].map((k) => str(raw[k])).filter(Boolean);
  return { recipient, phone, address: parts.join(" ") };
}
