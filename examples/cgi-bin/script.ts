#!/usr/bin/env -S deno run -A
// Port of /work/shared/tutorial/cgi-bin/script.py — reads the form of cgi_client.py.
// Run by the CGI server: deno run -A http/server.ts --cgi (from examples/), then POST to /cgi-bin/script.ts.
import { print } from "@pyweb/std";
import * as cgi from "@pyweb/std/cgi";

const form = await cgi.FieldStorage.create();
const language = form.getvalue("language");
const framework = form.getvalue("framework");
const email = form.getvalue("email");

print("Content-type: text/plain");
print("\r");
print("Welcome, CGI Scripts");
print("language is", language);
print("framework is", framework);
print("email is", email);
