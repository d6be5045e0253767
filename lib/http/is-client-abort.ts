/** The error a stream gives when the client went away mid-request (a cancelled upload or download). */
export function isClientAbort(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || (error as Error | null)?.message === "aborted";
}
