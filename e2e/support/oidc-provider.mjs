// A minimal OpenID Connect provider for the end-to-end tests: discovery, an authorization page
// where the "user" types the email they sign in with, a token endpoint that checks PKCE and
// returns an RS256-signed id_token, JWKS and userinfo. Real HTTP and real signatures, so
// next-auth's OIDC client validates everything as it would against a real provider.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";

const port = Number(process.env.E2E_OIDC_PORT ?? 3298);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.E2E_OIDC_CLIENT_ID ?? "stowage-e2e";
const clientSecret = process.env.E2E_OIDC_CLIENT_SECRET ?? "stowage-e2e-secret";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "e2e-key";
const codes = new Map();

const b64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

function signJwt(claims) {
  const head = b64url({ alg: "RS256", typ: "JWT", kid });
  const body = b64url(claims);
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey).toString("base64url");
  return `${head}.${body}.${signature}`;
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readBody(req) {
  let text = "";
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    }
    if (url.pathname === "/jwks")
      return send(res, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" }] });
    if (url.pathname === "/authorize" && req.method === "GET") {
      if (url.searchParams.get("client_id") !== clientId) return send(res, 400, { error: "unauthorized_client" });
      const hidden = [...url.searchParams]
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join("");
      res.writeHead(200, { "Content-Type": "text/html" });
      return res.end(`<!doctype html><title>Test identity provider</title><h1>Test identity provider</h1>
        <form method="post" action="/authorize">${hidden}<label>Provider email <input name="login_email" type="email"></label><button>Continue</button></form>`);
    }
    if (url.pathname === "/authorize" && req.method === "POST") {
      const form = await readBody(req);
      const code = randomBytes(16).toString("hex");
      codes.set(code, {
        email: form.get("login_email"),
        nonce: form.get("nonce"),
        challenge: form.get("code_challenge"),
        redirectUri: form.get("redirect_uri"),
      });
      const back = new URL(form.get("redirect_uri"));
      back.searchParams.set("code", code);
      if (form.get("state")) back.searchParams.set("state", form.get("state"));
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const form = await readBody(req);
      const basic = (req.headers.authorization ?? "").replace(/^Basic /, "");
      const [id, secret] = basic
        ? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent)
        : [form.get("client_id"), form.get("client_secret")];
      if (id !== clientId || secret !== clientSecret) return send(res, 401, { error: "invalid_client" });
      const grant = codes.get(form.get("code"));
      codes.delete(form.get("code"));
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) return send(res, 400, { error: "invalid_grant" });
      const verifier = form.get("code_verifier") ?? "";
      if (grant.challenge && createHash("sha256").update(verifier).digest("base64url") !== grant.challenge)
        return send(res, 400, { error: "invalid_grant", error_description: "PKCE" });
      const now = Math.floor(Date.now() / 1000);
      const sub = createHash("sha256").update(grant.email).digest("hex").slice(0, 16);
      const idToken = signJwt({
        iss: issuer,
        aud: clientId,
        sub,
        email: grant.email,
        email_verified: true,
        name: grant.email,
        iat: now,
        exp: now + 300,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      });
      const accessToken = b64url({ sub, email: grant.email });
      return send(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: idToken });
    }
    if (url.pathname === "/userinfo") {
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      try {
        const { sub, email } = JSON.parse(Buffer.from(token, "base64url").toString());
        return send(res, 200, { sub, email, email_verified: true, name: email });
      } catch {
        return send(res, 401, { error: "invalid_token" });
      }
    }
    send(res, 404, { error: "not_found" });
  })
  .listen(port, "127.0.0.1", () => console.log(`test OIDC provider on ${issuer}`));
