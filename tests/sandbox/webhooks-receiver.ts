import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '#sandbox/webhooks/index';

/** How the receiver answers one request: a status (with headers), or never ('hang'). */
export type Answer = number | { status: number; headers?: Record<string, string> } | 'hang';

export interface ReceivedDelivery {
  method: string;
  /** The URL as the receiver reconstructs it from Host and the request line, as a backend would. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  events: WebhookEvent[];
}

/**
 * A real webhook endpoint on a free port. Answers 200 unless told otherwise; `stop()` closes the port
 * so deliveries are refused, `resume()` listens on the same port again.
 */
export class WebhookReceiver {
  readonly deliveries: ReceivedDelivery[] = [];
  /** The most requests it held open at once. */
  peakConcurrent = 0;
  private open = 0;
  private readonly answers: Answer[] = [];
  private readonly server: Server;
  private port = 0;

  private constructor(private readonly holdMs: number) {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        this.deliveries.push({
          method: request.method ?? '',
          url: `http://${request.headers.host}${request.url}`,
          headers: request.headers,
          body,
          events: JSON.parse(body) as WebhookEvent[],
        });
        this.open++;
        this.peakConcurrent = Math.max(this.peakConcurrent, this.open);
        response.on('close', () => this.open--);
        this.respond(response, this.answers.shift() ?? 200);
      });
    });
  }

  /** holdMs keeps each answered request open a while, so overlapping deliveries can be seen. */
  static async start(options: { holdMs?: number } = {}): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(options.holdMs ?? 0);
    await receiver.listen(0);
    return receiver;
  }

  url(path = '/webhooks/hubspot'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Answers for the next requests, in order; after them, 200. */
  answerNext(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  get events(): WebhookEvent[] {
    return this.deliveries.flatMap((delivery) => delivery.events);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  async resume(): Promise<void> {
    await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      }),
    );
  }

  private respond(response: ServerResponse, answer: Answer): void {
    if (answer === 'hang') return;
    const { status, headers } = typeof answer === 'number' ? { status: answer, headers: {} } : answer;
    setTimeout(() => response.writeHead(status, headers).end(), this.holdMs);
  }
}
