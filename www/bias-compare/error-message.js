// One line of text for anything thrown: what the element shows and what its error event and
// the worker's replies carry. Shared by the element, the engine client and the worker, so a
// failure reads the same wherever the engine ran.

export function errorMessage(error) {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown error'; // e.g. an object whose toString throws
  }
}
