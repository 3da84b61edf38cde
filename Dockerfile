# Builds the application from this repository and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 mesa
USER mesa
WORKDIR /app
COPY --from=build /src/target/mesa-de-servicios-*.jar app.jar
EXPOSE 8080
# Timers (the quarterly report's cron) run in the JVM's time zone.
ENV TZ=America/Bogota
ENTRYPOINT ["java", "-Duser.timezone=America/Bogota", "-jar", "/app/app.jar"]
