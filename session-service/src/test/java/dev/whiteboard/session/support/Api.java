package dev.whiteboard.session.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the session API as one tenant (its API key). */
public final class Api {
    private final String key;

    public Api(String key) {
        this.key = key;
    }

    public RequestSpecification request() {
        return given().header("X-API-Key", key).contentType(ContentType.JSON);
    }

    public String createSession(String candidateRef) {
        return request().body("{\"question\":\"Design a URL shortener\",\"candidateRef\":\"" + candidateRef + "\"}")
                .post("/sessions")
                .then().statusCode(201).extract().path("id");
    }

    public Response act(String id, String action) {
        return request().post("/sessions/" + id + "/" + action);
    }

    public Response note(String id, String phase, String text) {
        return request().body("{\"phase\":\"" + phase + "\",\"text\":\"" + text + "\"}").post("/sessions/" + id + "/notes");
    }

    public Response get(String id) {
        return request().get("/sessions/" + id);
    }

    public static String uniqueRef(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
