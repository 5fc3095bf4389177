import autocannon from "autocannon";

/** autocannon, in this process: `connections` clients sending one request after the other for `seconds`. */

export type Load = {
  /** Response times (ms) of every response, whatever its status. */
  latencies: number[];
  requestsPerSecond: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Responses with a status outside 2xx. */
  non2xx: number;
  /** Requests sent (answered or not). */
  sent: number;
  seconds: number;
};

export type LoadOptions = {
  connections: number;
  seconds: number;
  /** Seconds a request may wait for its response before autocannon counts a timeout (autocannon's default: 10). */
  timeoutSeconds?: number;
  /** Request headers of every request (e.g. a cookie). */
  headers?: Record<string, string>;
};

export function load(url: string, options: LoadOptions): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, timeout: options.timeoutSeconds ?? 10, ...(options.headers ? { headers: options.headers } : {}) },
      (error: unknown, r: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else
          resolve({
            latencies,
            requestsPerSecond: r.requests.average,
            errors: r.errors,
            timeouts: r.timeouts,
            non2xx: r.non2xx,
            sent: r.requests.sent,
            seconds: r.duration,
          });
      },
    );
    instance.on("response", (_client: autocannon.Client, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}
