import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberAddresses } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { addAddress, deleteAddress, getAddress, listAddresses, MAX_ADDRESSES, setDefaultAddress, shippingAddressOf, updateAddress } from "./addresses";
import { memberWithPoints } from "./testing";

const T0 = new Date("2026-06-01T04:00:00Z");
const home = { recipient: "陈静", phone: "135 0000 0921", region: "浙江省 杭州市 西湖区", line: "文三路 100 号 2 幢 301", postalCode: "310000" };
const work = { recipient: "Chen Jing", phone: "+86 21 5555 0100", region: "上海市 浦东新区", line: "世纪大道 1 号", postalCode: "" };

const defaults = async (m: string) => (await listAddresses(m)).filter((a) => a.isDefault).map((a) => a.id);

describe("address book", () => {
  test("the first address is the default; another becomes it only when asked; always exactly one", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(0);
    const a = await addAddress(m, home);
    clock.advance(1_000);
    const b = await addAddress(m, work);
    expect(a.isDefault).toBe(true);
    expect(b).toMatchObject({ isDefault: false, postalCode: null, recipient: "Chen Jing" });
    expect(await defaults(m)).toEqual([a.id]);

    clock.advance(1_000);
    const c = await addAddress(m, { ...work, recipient: "同事" }, { makeDefault: true });
    expect(await defaults(m)).toEqual([c.id]);
    expect((await listAddresses(m)).map((x) => x.id)).toEqual([c.id, a.id, b.id]); // default first, then oldest

    await setDefaultAddress(m, b.id);
    expect(await defaults(m)).toEqual([b.id]);
    await updateAddress(m, a.id, { ...home, line: "新地址 1 号" }, { makeDefault: true });
    expect(await defaults(m)).toEqual([a.id]);
    expect((await getAddress(m, a.id))!.line).toBe("新地址 1 号");
  });

  test("bad input is refused with the fields at fault and writes nothing", async () => {
    const m = await memberWithPoints(0);
    await expect(addAddress(m, { ...home, recipient: " ", phone: "call me" })).rejects.toMatchObject({
      code: "invalid-request",
      errors: expect.arrayContaining([expect.objectContaining({ path: "recipient" }), expect.objectContaining({ path: "phone" })]),
    });
    await expect(addAddress(m, { ...home, line: "x".repeat(201) })).rejects.toMatchObject({ errors: [{ path: "line" }] });
    expect(await listAddresses(m)).toEqual([]);
    const a = await addAddress(m, home);
    await expect(updateAddress(m, a.id, { ...home, region: "" })).rejects.toMatchObject({ code: "invalid-request" });
    expect((await getAddress(m, a.id))!.region).toBe(home.region);
  });

  test("a member never reads or changes someone else's address", async () => {
    const m = await memberWithPoints(0);
    const intruder = await memberWithPoints(0);
    const a = await addAddress(m, home);
    await addAddress(intruder, work);
    expect(await getAddress(intruder, a.id)).toBeNull();
    await expect(updateAddress(intruder, a.id, work)).rejects.toMatchObject({ code: "not-found" });
    await expect(setDefaultAddress(intruder, a.id)).rejects.toMatchObject({ code: "not-found" });
    await expect(deleteAddress(intruder, a.id)).rejects.toMatchObject({ code: "not-found" });
    const [row] = await db.select().from(memberAddresses).where(eq(memberAddresses.id, a.id));
    expect(row).toMatchObject({ memberId: m, recipient: home.recipient, isDefault: true });
    expect(await defaults(intruder)).toHaveLength(1);
  });

  test("deleting the default hands it to the oldest remaining address", async () => {
    const clock = freezeClock(T0);
    const m = await memberWithPoints(0);
    const a = await addAddress(m, home);
    clock.advance(1_000);
    const b = await addAddress(m, work);
    clock.advance(1_000);
    const c = await addAddress(m, work);
    await deleteAddress(m, a.id);
    expect(await defaults(m)).toEqual([b.id]);
    await deleteAddress(m, c.id);
    expect(await defaults(m)).toEqual([b.id]);
    await deleteAddress(m, b.id);
    expect(await listAddresses(m)).toEqual([]);
    await expect(deleteAddress(m, b.id)).rejects.toMatchObject({ code: "not-found" });
  });

  test(`at most ${MAX_ADDRESSES} addresses`, async () => {
    const m = await memberWithPoints(0);
    for (let i = 0; i < MAX_ADDRESSES; i++) await addAddress(m, { ...home, line: `${i} 号` });
    await expect(addAddress(m, home)).rejects.toMatchObject({ code: "conflict", params: { max: MAX_ADDRESSES } });
    expect(await listAddresses(m)).toHaveLength(MAX_ADDRESSES);
  });

  test("adds racing to be the default leave exactly one default", async () => {
    const m = await memberWithPoints(0);
    await Promise.all(Array.from({ length: 6 }, (_, i) => addAddress(m, { ...home, line: `${i}` }, { makeDefault: i % 2 === 0 })));
    expect(await listAddresses(m)).toHaveLength(6);
    expect(await defaults(m)).toHaveLength(1);
  });

  test("a redemption's copy of the address has only the address's own fields", () => {
    expect(shippingAddressOf({ ...home, postalCode: null })).toEqual({ ...home, postalCode: null });
  });
});
