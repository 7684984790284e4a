/**
 * Users paste base URLs in every shape: "https://api.openai.com", "http://127.0.0.1:11434/v1",
 * "https://host/openai/v1/", even the full ".../chat/completions". We accept them all and build
 * the endpoint once, so "/v1" is never doubled or missing.
 */
import { InputError } from '../../errors.js';

export function endpointUrl(baseUrl: string, endpoint: 'chat/completions' | 'messages', flag: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InputError(`${flag} "${baseUrl}" is not a URL; expected something like http://127.0.0.1:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${flag} "${baseUrl}" must start with http:// or https://`);
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials belong in the environment, never in a flag that lands in shell history.
    throw new InputError(`${flag} must not contain credentials; put the key in the environment instead`);
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(`/${endpoint}`)) path = path.slice(0, -endpoint.length - 1);
  // A trailing version segment ("/v1", "/v4", "/api/v3") is the API root; otherwise add "/v1".
  if (!/\/v\d+$/.test(path)) path = `${path}/v1`;
  url.pathname = `${path}/${endpoint}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
