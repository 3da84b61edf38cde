package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InputReader;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Technical support (step 6) and the information and web systems (steps 8 and 9). */
@Component
public class SupportFields implements TopicFields {

  private static final Pattern ASSET_TAG = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

  @Override
  public boolean appliesTo(Topic topic) {
    return topic == Topic.SOPORTE_TECNICO || topic.isSystemSupport();
  }

  @Override
  public void read(Topic topic, InputReader in, Map<String, Object> out) {
    if (topic == Topic.SOPORTE_TECNICO) {
      InputReader.put(out, "location", in.text("location", "Ubicación", true, 200));
      InputReader.put(out, "assetTag", in.matching("assetTag", "Placa del equipo", false, 20, ASSET_TAG,
          "solo admite letras, números y guiones."));
      return;
    }
    InputReader.put(out, "module", in.text("module", "Módulo o funcionalidad afectada", true, 150));
    if (topic == Topic.SOPORTE_WEB) {
      InputReader.put(out, "webAddress", in.matching("webAddress", "Dirección (URL) del sistema web", true, 300,
          URL, "debe ser una dirección que empiece por http:// o https://."));
    }
  }
}
