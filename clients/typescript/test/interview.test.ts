// A whole practice interview through the generated TypeScript client only. Reads from the environment:
// WB_SESSION_URL, WB_ESTIMATION_URL, WB_FEEDBACK_URL, WB_API_KEY (a tenant's key) and WB_INTERVIEW_SCRIPT
// (the scripted interview and what its notes should earn; e2e-tests runs this file against the running suite).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  whiteboardClients, type EstimationComponents, type FeedbackComponents, type SessionComponents,
} from "../src/index.js";
import { signatureProblem, startWebhookReceiver, type Delivery } from "./webhook-receiver.js";

type Report = FeedbackComponents["schemas"]["FeedbackReport"];
type Estimate = SessionComponents["schemas"]["Estimate"];

interface InterviewScript {
  question: string;
  candidateRef: string;
  phases: { phase: string; notes: { text: string; estimate?: Estimate }[] }[];
  expected: { covered: string[]; missed: string[]; estimateVerdicts: Record<string, string> };
}

const REPORT_TIMEOUT_MS = 90_000;
const SIGNATURE_TOLERANCE_SECONDS = 300;

function environment(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; see the comment at the top of this file`);
  }
  return value;
}

/** The body of a successful call, or a failure that shows the status and the problem the service answered. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, call: string): T {
  if (!result.response.ok || result.data === undefined) {
    assert.fail(`${call}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

/** Grading runs after the report turns FINAL; reports are compared once the estimate is graded. */
function estimatesGraded(report: Report): boolean {
  const estimates = report.estimation?.estimates ?? [];
  return estimates.length > 0 && estimates.every((e) => e.status === "GRADED");
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + REPORT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await attempt();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`${what} did not happen within ${REPORT_TIMEOUT_MS / 1000} s`);
}

test("the webhook signature check accepts what openssl computes and refuses a changed body", () => {
  const body = '{"sessionId":"a","status":"FINAL"}';
  const header = "t=1764300000,v1=370f0cecf0982de734685cc28761b1cc24e5edfa1dcc4c6db04de02f87d3d25d";
  assert.equal(signatureProblem("whsec_test", header, body, 1764300003, SIGNATURE_TOLERANCE_SECONDS), null);
  assert.equal(signatureProblem("whsec_test", header, body.replace("FINAL", "LIVE"), 1764300003,
    SIGNATURE_TOLERANCE_SECONDS), "the HMAC does not match");
  assert.match(signatureProblem("whsec_test", header, body, 1764300000 + 3600, SIGNATURE_TOLERANCE_SECONDS) ?? "",
    /^timestamp 1764300000 is more than/);
});

test("a whole interview through the generated TypeScript client", { timeout: 240_000 }, async () => {
  const script: InterviewScript = JSON.parse(await readFile(environment("WB_INTERVIEW_SCRIPT"), "utf8"));
  const wb = whiteboardClients({
    sessionUrl: environment("WB_SESSION_URL"),
    estimationUrl: environment("WB_ESTIMATION_URL"),
    feedbackUrl: environment("WB_FEEDBACK_URL"),
    apiKey: environment("WB_API_KEY"),
  });
  const receiver = await startWebhookReceiver();
  try {
    const secret = `whsec_${randomBytes(16).toString("hex")}`;
    const webhook = ok(await wb.feedback.PUT("/webhooks", { body: { url: receiver.url, secret } }), "PUT /webhooks");
    assert.equal(webhook.url, receiver.url);

    const template = ok(await wb.session.GET("/templates/{id}", { params: { path: { id: "default" } } }),
      "GET /templates/default");
    assert.deepEqual(template.phases?.map((p) => p.key), script.phases.map((p) => p.phase));

    // The interview: create, start, notes per phase, advance, and complete after the last phase.
    const created = ok(await wb.session.POST("/sessions", {
      body: { question: script.question, candidateRef: script.candidateRef },
    }), "POST /sessions");
    assert.equal(created.status, "CREATED");
    const id = created.id!;
    const path = { id };
    let session = ok(await wb.session.POST("/sessions/{id}/{action}", { params: { path: { ...path, action: "start" } } }),
      "start");
    for (const [index, phase] of script.phases.entries()) {
      assert.equal(session.currentPhase, phase.phase);
      for (const note of phase.notes) {
        ok(await wb.session.POST("/sessions/{id}/notes", {
          params: { path },
          body: { phase: phase.phase, text: note.text, estimate: note.estimate },
        }), `note in ${phase.phase}`);
      }
      const action = index === script.phases.length - 1 ? "complete" : "advance";
      session = ok(await wb.session.POST("/sessions/{id}/{action}", { params: { path: { ...path, action } } }), action);
    }
    assert.equal(session.status, "COMPLETED");

    const report: Report = await eventually("a FINAL report", async () => {
      const result = await wb.feedback.GET("/feedback/{sessionId}", { params: { path: { sessionId: id } } });
      if (result.response.status === 404) {
        return undefined;
      }
      const current = ok(result, "GET /feedback/{sessionId}");
      return current.status === "FINAL" && estimatesGraded(current) ? current : undefined;
    });

    // Coverage and missed items against what the notes said.
    const items = new Map((report.coverage?.phases ?? []).flatMap((p) => p.items ?? []).map((i) => [i.itemKey!, i]));
    for (const key of script.expected.covered) {
      assert.equal(items.get(key)?.covered, true, `${key} is covered`);
      assert.ok((items.get(key)?.evidence ?? []).length > 0, `${key} has evidence`);
    }
    const hints = new Map((template.phases ?? []).flatMap((p) => p.checklist ?? []).map((c) => [c.key!, c.hint]));
    const missed = new Map((report.missed ?? []).map((m) => [m.itemKey!, m]));
    for (const key of script.expected.missed) {
      assert.equal(items.get(key)?.covered, false, `${key} is not covered`);
      assert.equal(missed.get(key)?.hint, hints.get(key), `${key} is missed with its hint`);
    }
    assert.equal(missed.get("cdn")?.phase, "deep-dive");
    for (const key of script.expected.covered) {
      assert.ok(!missed.has(key), `${key} is not reported missed`);
    }

    // Time: seconds per phase, so every phase is under its budget.
    const phases = report.timeManagement?.phases ?? [];
    assert.deepEqual(phases.map((p) => p.phase), script.phases.map((p) => p.phase));
    for (const phase of phases) {
      assert.equal(phase.verdict, "UNDER_BUDGET", `verdict of ${phase.phase}`);
      assert.ok((phase.actualSeconds ?? Infinity) < (phase.minMinutes ?? 0) * 60, `time of ${phase.phase}`);
    }

    // The estimate: graded by estimation-service, the same figures its own client computes.
    const submitted = script.phases.flatMap((p) => p.notes).find((n) => n.estimate)!.estimate!;
    // The note carries the inputs in estimation-service's shape; the generated type says so.
    const inputs = submitted.inputs as EstimationComponents["schemas"]["EstimateRequest"];
    const computed = ok(await wb.estimation.POST("/estimates", { body: inputs }), "POST /estimates");
    const outcomes = report.estimation?.estimates ?? [];
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0].status, "GRADED");
    const grades = new Map((outcomes[0].grades ?? []).map((g) => [g.figure!, g]));
    assert.deepEqual([...grades.keys()].sort(), Object.keys(script.expected.estimateVerdicts).sort());
    for (const [figure, verdict] of Object.entries(script.expected.estimateVerdicts)) {
      assert.equal(grades.get(figure)?.verdict, verdict, `verdict of ${figure}`);
    }
    assert.equal(grades.get("writeQps")?.computed, Number(computed.figures?.writeQps?.value));
    assert.equal(grades.get("storagePerDayBytes")?.computed, Number(computed.figures?.storagePerDayBytes?.value));
    assert.match(grades.get("storagePerDayBytes")?.explanation ?? "", /1,000/);

    // The webhooks of this session, signed over their timestamp and raw body: report.final when the
    // report turns FINAL, report.updated once the estimate is graded after that.
    const ofSession = () => receiver.deliveries.filter((d) => JSON.parse(d.body).sessionId === id);
    const delivery: Delivery = await eventually("a signed webhook with the graded report", async () =>
      ofSession().find((d) => {
        const body = JSON.parse(d.body);
        return ["report.final", "report.updated"].includes(body.event) && body.report?.status === "FINAL"
          && estimatesGraded(body.report);
      }));
    assert.equal(JSON.parse(ofSession()[0].body).event, "report.final", "the first delivery of the session");
    const signature = delivery.headers["whiteboard-signature"] as string | undefined;
    const now = Math.floor(Date.now() / 1000);
    assert.equal(signatureProblem(secret, signature, delivery.body, now, SIGNATURE_TOLERANCE_SECONDS), null);
    const delivered: Report = JSON.parse(delivery.body).report;
    assert.equal(delivered.status, "FINAL");
    assert.equal(delivered.overallScore, report.overallScore);
  } finally {
    await receiver.close();
  }
});
