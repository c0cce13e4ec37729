// The daily digest. TO BE WRITTEN (email work).
export async function sendDigests(_options: { now: Date }): Promise<{ sent: number }> {
  return { sent: 0 };
}
