import { eventSchema } from "@/lib/points/record-event";
import { defineEndpoint } from "../endpoint";
import { eventResultSchema } from "./schemas";

export const createEvent = defineEndpoint({
  method: "POST",
  path: "/api/v1/events",
  scope: "events",
  summary: "Record a member action (signup, check-in, review, share, or a custom type) that may earn points",
  tags: ["events"],
  body: eventSchema,
  responses: { 201: eventResultSchema },
});
