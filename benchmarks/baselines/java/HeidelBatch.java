// One JVM for many documents: HeidelTime standalone's CLI starts a JVM and re-reads all its
// rule resources per file (~2 s), which would measure Java start-up, not tagging.  This driver
// builds one HeidelTimeStandalone and tags a stream of documents.
//
// Protocol (stdin/stdout, UTF-8, length-prefixed so any text is safe):
//   in:  "DOC\t<YYYY-MM-DD>\t<nbytes>\n" followed by <nbytes> bytes of document text
//   out: "OK\t<nbytes>\t<nanos>\n" followed by <nbytes> bytes of TimeML, or "ERR\t<nbytes>\t0\n" + message
// Usage: java -cp <jar>:<dir> HeidelBatch <language> <doctype> <config.props> <pos: treetagger|no>
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;

public class HeidelBatch {
    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buf.write(b);
        }
        if (b == -1 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String status, String body, long nanos) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write((status + "\t" + bytes.length + "\t" + nanos + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    public static void main(String[] args) throws Exception {
        // HeidelTime and its taggers may print to System.out; keep the real stdout for the protocol.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        System.setOut(System.err);
        Language lang = Language.getLanguageFromString(args[0]);
        DocumentType type = DocumentType.valueOf(args[1].toUpperCase());
        POSTagger pos = POSTagger.valueOf(args[3].toUpperCase());
        HeidelTimeStandalone ht = new HeidelTimeStandalone(lang, type, OutputType.TIMEML, args[2], pos);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        reply(out, "READY", "", 0);
        String header;
        while ((header = readLine(in)) != null) {
            String[] parts = header.split("\t");
            int n = Integer.parseInt(parts[2]);
            byte[] raw = new byte[n];
            in.readFully(raw);
            String text = new String(raw, StandardCharsets.UTF_8);
            try {
                Date dct = fmt.parse(parts[1]);
                long t0 = System.nanoTime();
                String tml = ht.process(text, dct);
                reply(out, "OK", tml, System.nanoTime() - t0);
            } catch (Exception e) {
                reply(out, "ERR", String.valueOf(e), 0);
            }
        }
    }
}
