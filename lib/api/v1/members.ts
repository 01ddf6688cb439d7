import { z } from "zod";
import { createMemberSchema } from "@/lib/members/create-member";
import { defineEndpoint } from "../endpoint";
import { pageQuery } from "../pagination";
import { distributorResultSchema, ledgerEntrySchema, memberSchema } from "./schemas";

const memberParams = z.object({ id: z.guid({ error: "not a member id" }) });

export const createMember = defineEndpoint({
  method: "POST",
  path: "/api/v1/members",
  scope: "members",
  summary: "Create a member (optionally under a distributor's referral code)",
  tags: ["members"],
  body: createMemberSchema,
  responses: { 201: memberSchema },
  errors: ["duplicate"],
});

export const getMember = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{id}",
  scope: "read",
  summary: "A member with tier, points (available, pending, expiring) and referral position",
  tags: ["members"],
  params: memberParams,
  responses: { 200: memberSchema },
  errors: ["not-found"],
});

export const memberLedger = defineEndpoint({
  method: "GET",
  path: "/api/v1/members/{id}/ledger",
  scope: "read",
  summary: "The member's points ledger, newest first",
  tags: ["members"],
  params: memberParams,
  query: pageQuery,
  responses: { 200: z.object({ entries: z.array(ledgerEntrySchema), nextCursor: z.string().nullable() }) },
  errors: ["not-found"],
});

export const makeMemberDistributor = defineEndpoint({
  method: "POST",
  path: "/api/v1/members/{id}/distributor",
  scope: "members",
  summary: "Make the member a distributor (201), or return their existing code (200)",
  tags: ["members"],
  params: memberParams,
  body: z.object({ level: z.string().trim().min(1).max(40).optional() }),
  responses: { 200: distributorResultSchema, 201: distributorResultSchema },
  errors: ["not-found"],
});
