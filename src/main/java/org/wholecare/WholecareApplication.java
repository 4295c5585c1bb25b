package org.wholecare;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/wholecare.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class WholecareApplication implements AppShellConfigurator {

    /** The app's own icon in the browser's tab (and no request for a favicon.ico that is not there). */
    @Override
    public void configurePage(com.vaadin.flow.server.AppShellSettings settings) {
        settings.addFavIcon("icon", "images/wholecare-icon.svg", "any");
    }

    public static void main(String[] args) {
        SpringApplication.run(WholecareApplication.class, args);
    }
}
