import { describe, expect, it } from "vitest";
import { assignmentBlocks, canReleaseOthers, heldByText, isAssignmentIdle, DEFAULT_IDLE_MINUTES } from "@/lib/cases/assignment/assignment-rule";

const T0 = new Date("2026-12-07T15:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const held = { userId: "lucia", lastActivityAt: T0 };

describe('"Tomar": the rule (decision 0023)', () => {
  it("the default idle time is 30 minutes", () => {
    expect(DEFAULT_IDLE_MINUTES).toBe(30);
  });

  it("idle once the whole idle time has passed without activity, not a minute before", () => {
    expect(isAssignmentIdle(held, 30, at(29))).toBe(false);
    expect(isAssignmentIdle(held, 30, at(30))).toBe(true);
  });

  it("blocks another person while active; never the holder, a free case or an idle holder's", () => {
    expect(assignmentBlocks(held, "pedro", 30, at(10))).toBe(true);
    expect(assignmentBlocks(held, "lucia", 30, at(10))).toBe(false);
    expect(assignmentBlocks(null, "pedro", 30, at(10))).toBe(false);
    expect(assignmentBlocks(held, "pedro", 30, at(31))).toBe(false);
  });

  it('"En revisión por Lucía X.": the holder\'s name and the time, in Guatemala', () => {
    expect(heldByText("Lucía X.", T0)).toBe("En revisión por Lucía X desde las 09:00.");
  });

  it("the DIDEDUC's Director releases others' cases in its DIDEDUC's stages only", () => {
    const director = { roles: ["DIDEDUC_SIGNER" as const], dideducId: "av" };
    expect(canReleaseOthers(director, { state: "DIDEDUC_REVIEW", dideducId: "av" })).toBe(true);
    expect(canReleaseOthers(director, { state: "DIDEDUC_REVIEW", dideducId: "qz" })).toBe(false);
    expect(canReleaseOthers(director, { state: "CENTRAL_REVIEW", dideducId: "av" })).toBe(false);
  });

  it("the Encargado and the coordination release others' cases in central stages; an assistant or a reviewer does not", () => {
    expect(canReleaseOthers({ roles: ["CENTRAL_MANAGER"], dideducId: null }, { state: "CENTRAL_REVIEW", dideducId: "av" })).toBe(true);
    expect(canReleaseOthers({ roles: ["CENTRAL_COORDINATOR"], dideducId: null }, { state: "MANAGER_REVIEW", dideducId: null })).toBe(true);
    expect(canReleaseOthers({ roles: ["CENTRAL_MANAGER"], dideducId: null }, { state: "DIDEDUC_REVIEW", dideducId: "av" })).toBe(false);
    expect(canReleaseOthers({ roles: ["CENTRAL_ASSISTANT"], dideducId: null }, { state: "CENTRAL_REVIEW", dideducId: "av" })).toBe(false);
    expect(canReleaseOthers({ roles: ["DIDEDUC_REVIEWER"], dideducId: "av" }, { state: "DIDEDUC_REVIEW", dideducId: "av" })).toBe(false);
  });
});
