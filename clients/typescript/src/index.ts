import createClient, { type Client } from "openapi-fetch";
import type { paths as SessionPaths, components as SessionComponents } from "./generated/session-service.js";
import type { paths as EstimationPaths, components as EstimationComponents } from "./generated/estimation-service.js";
import type { paths as FeedbackPaths, components as FeedbackComponents } from "./generated/feedback-service.js";

export type { SessionPaths, SessionComponents, EstimationPaths, EstimationComponents, FeedbackPaths, FeedbackComponents };

/** Where each service answers and the platform's API key (sent as X-API-Key on every call). */
export interface WhiteboardConnection {
  sessionUrl: string;
  estimationUrl: string;
  feedbackUrl: string;
  apiKey: string;
  /** Per request; a call that takes longer fails instead of hanging (default 30 s). */
  timeoutMs?: number;
}

export interface WhiteboardClients {
  session: Client<SessionPaths>;
  estimation: Client<EstimationPaths>;
  feedback: Client<FeedbackPaths>;
}

/** Typed clients of the three services; every path, parameter and body is checked against the OpenAPI documents. */
export function whiteboardClients(connection: WhiteboardConnection): WhiteboardClients {
  const headers = { "X-API-Key": connection.apiKey };
  const timeoutMs = connection.timeoutMs ?? 30_000;
  const fetchWithTimeout = (request: Request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
  const options = { headers, fetch: fetchWithTimeout };
  return {
    session: createClient<SessionPaths>({ baseUrl: connection.sessionUrl, ...options }),
    estimation: createClient<EstimationPaths>({ baseUrl: connection.estimationUrl, ...options }),
    feedback: createClient<FeedbackPaths>({ baseUrl: connection.feedbackUrl, ...options }),
  };
}
