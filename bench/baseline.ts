// The bare baseline: node:http sending the same bytes from a Buffer, for every request.
// Arguments: port, path of the body file, content type.
import fs from "node:fs";
import http from "node:http";

const [port, file, type] = process.argv.slice(2);
const body = fs.readFileSync(file!);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "content-type": type!, "content-length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
