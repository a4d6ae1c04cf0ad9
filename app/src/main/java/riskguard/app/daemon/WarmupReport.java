package riskguard.app.daemon;

/**
 * What a warm-up of the rules did ({@link DaemonListener#warmedUp}).
 *
 * @param occasion "at start" or "after the reload"
 * @param events events fed to the throwaway engine, the gateway's answers included
 * @param decisions decisions the rules made on them (none of them carried out)
 * @param cpuMillis CPU time of the thread that ran it
 * @param wallMillis its wall time
 * @param jitMillis the JIT compiler's time meanwhile (on its own threads, for the whole process)
 * @param cutShort true when it stopped before its budget ran out (a reload waiting, the daemon stopping)
 */
public record WarmupReport(String occasion, long events, long decisions, long cpuMillis, long wallMillis,
    long jitMillis, boolean cutShort) {}
