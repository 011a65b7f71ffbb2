package org.grassroots.bench;

/**
 * One operation on one path at one load: closed-loop clients on keep-alive connections.
 *
 * @param operation          e.g. "members: GET /members/{id}"
 * @param path               {@link #DIRECT}, {@link #GATEWAY} or {@link #REFERENCE}
 * @param gatewayCpuMicros   the gateway's CPU time per request (microseconds)
 * @param serviceCpuMicros   the service's CPU time per request (microseconds)
 */
record LoadResult(String operation, String path, int connections, long requests, double seconds, long errors,
                  double p50, double p99, double gatewayCpuMicros, double serviceCpuMicros) {

    static final String DIRECT = "direct";
    static final String GATEWAY = "gateway";
    static final String REFERENCE = "reference";

    double throughput() {
        return requests / seconds;
    }
}
