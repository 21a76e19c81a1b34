// An independent authorization server for the conformance suite's interop test: panva's
// oidc-provider (https://github.com/panva/node-oidc-provider), OpenID Certified, configured with
// open dynamic registration (RFC 7591), PKCE S256 (RFC 7636), refresh rotation (RFC 9700
// §4.14.2), revocation (RFC 7009), introspection (RFC 7662) and the device flow (RFC 8628).
// Its own interaction step (login, then consent) approves at once, as a person would.
//
// node oidc_provider.mjs NODE_MODULES_DIR PORT
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, port] = process.argv.slice(2);
const { default: Provider } = await import(
  pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href
);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  features: {
    devInteractions: { enabled: false },
    registration: { enabled: true }, // open: no initial access token
    revocation: { enabled: true },
    introspection: { enabled: true },
    deviceFlow: { enabled: true },
  },
  pkce: { required: () => true },
  // RFC 6749 §4.1.3: the server MUST ensure redirect_uri is present at the token endpoint when
  // the authorization request had one; oidc-provider by default lets a client with a single
  // registered redirect URI omit it there.
  allowOmittingSingleRegisteredRedirectUri: false,
  rotateRefreshToken: true,
  // Refresh tokens for every client registered for the refresh_token grant, not only with
  // offline_access and prompt=consent (an OpenID Connect rule, not an OAuth 2.0 one).
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});

// The interaction step: log the one user in, then grant what the client asked for.
async function interaction(req, res) {
  const { prompt, params, session } = await provider.interactionDetails(req, res);
  let result;
  if (prompt.name === 'login') {
    result = { login: { accountId: 'conformance-user' } };
  } else {
    const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missingResourceScopes || {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
http
  .createServer((req, res) => {
    if (req.url.startsWith('/interaction/')) {
      interaction(req, res).catch((err) => {
        res.statusCode = 500;
        res.end(String(err));
      });
      return;
    }
    callback(req, res);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
