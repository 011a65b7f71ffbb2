// Code a front-end team writes against the generated types. It must compile under `strict`: list answers have
// `items` (never undefined) and `nextCursor` as `string | null`; answer fields are present, nullable ones typed so.
import type { components, operations, paths } from "./generated/api";

type MemberPage = components["schemas"]["MemberPage"];
type EventPage = components["schemas"]["EventPage"];
type Member = components["schemas"]["Member"];
type Problem = components["schemas"]["Problem"];

// Exact types, both ways: a field typed optional or non-nullable fails to compile here.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const cursorIsStringOrNull: Equals<MemberPage["nextCursor"], string | null> = true;
const eventCursorIsStringOrNull: Equals<EventPage["nextCursor"], string | null> = true;
const itemsArePresent: Equals<MemberPage["items"], Member[]> = true;
const phoneIsNullable: Equals<Member["phone"], string | null> = true;
const givenNameIsAString: Equals<Member["givenName"], string> = true;

export function names(page: MemberPage): string[] {
  return page.items.map((m) => `${m.givenName} ${m.familyName}`); // no `?.`: items is always there
}

export function nextPage(page: EventPage): string | undefined {
  return page.nextCursor ?? undefined;
}

export function describe(problem: Problem): string {
  return `${problem.status} ${problem.title}`;
}

type CreateMember = operations["createMember"];
export type Created = CreateMember["responses"][201]["content"]["application/json"];
export type ListEvents = paths["/events"]["get"];

export const checks = [cursorIsStringOrNull, eventCursorIsStringOrNull, itemsArePresent, phoneIsNullable,
  givenNameIsAString];
