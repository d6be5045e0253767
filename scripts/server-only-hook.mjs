// Outside Next's bundler, `import "server-only"` would throw; for the Node server, CLI and
// benchmarks (which are server-side by definition) it resolves to an empty module.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return nextResolve(specifier, context);
}
