package org.hotline;

import java.util.Arrays;
import org.hotline.analysis.AnalyzeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hotline: a wargame server for hardline and less-hardline moves between two rivals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("analyze")) {
            // a batch run on the command line: no web server, no database
            System.exit(AnalyzeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(HotlineApplication.class, args);
    }
}
